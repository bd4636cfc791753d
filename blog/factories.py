"""Factories for blog content, for tests."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import Author, BlogIndexPage, BlogPostAuthor, BlogPostPage


class AuthorFactory(DjangoModelFactory):
    name = factory.Faker("name")
    role = "Health visitor"
    organisation = "Parent-Infant Foundation"
    bio = factory.Faker("sentence", nb_words=20)

    class Meta:
        model = Author


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


class BlogPostPageFactory(wagtail_factories.PageFactory):
    """A live post. `authors=[...]` and `tags=[...]` set them in order."""

    title = factory.Sequence(lambda n: f"Post {n}")
    date = factory.Sequence(lambda n: datetime.date(2021, 1, 1) + datetime.timedelta(n))
    intro = factory.Faker("sentence", nb_words=16)
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Babies' mental health matters.</p>")]
    )

    class Meta:
        model = BlogPostPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(post, create, extracted, **kwargs):
        for order, author in enumerate(extracted or []):
            BlogPostAuthor.objects.create(post=post, author=author, sort_order=order)

    @factory.post_generation
    def tags(post, create, extracted, **kwargs):
        if extracted:
            post.tags.add(*extracted)
            post.save()
