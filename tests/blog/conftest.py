import datetime

import pytest

from blog.factories import (
    AuthorFactory,
    BlogIndexPageFactory,
    BlogPostPageFactory,
)
from blog.permissions import setup_blog_page
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory


@pytest.fixture
def blog(home_page):
    blog = BlogIndexPageFactory(parent=home_page, title="Blog", slug="blog")
    setup_blog_page(blog.pk)
    return blog


@pytest.fixture
def campaigns(home_page):
    """IMHAW 2020 and 2021, as {year: page}."""
    archive = CampaignIndexPageFactory(parent=home_page)
    return {
        year: CampaignPageFactory(
            parent=archive,
            year=year,
            title=f"Infant Mental Health Awareness Week {year}",
            theme_title=theme,
        )
        for year, theme in [(2020, "Why 1001 days?"), (2021, "Including Infants")]
    }


@pytest.fixture
def sally(db):
    return AuthorFactory(
        name="Sally Hogg",
        role="Head of Policy and Campaigning",
        organisation="Parent-Infant Foundation",
    )


@pytest.fixture
def karen(db):
    return AuthorFactory(
        name="Karen Bateson", role="Director", organisation="Parent-Infant Foundation"
    )


@pytest.fixture
def posts(blog, campaigns, sally, karen):
    """Three 2020 posts by Sally and one 2021 post by Karen and Sally."""
    camhs = BlogPostPageFactory(
        parent=blog,
        title="Where is the I in CAMHS?",
        date=datetime.date(2020, 6, 8),
        campaign=campaigns[2020],
        original_url="https://www.acamh.org/",
        original_publication="ACAMH",
        authors=[sally],
        tags=["CAMHS", "infant mental health"],
    )
    ihv = BlogPostPageFactory(
        parent=blog,
        title="IMH matters now more than ever",
        date=datetime.date(2020, 6, 9),
        campaign=campaigns[2020],
        authors=[sally],
        tags=["infant mental health", "health visiting"],
    )
    nhs = BlogPostPageFactory(
        parent=blog,
        title="Where is the ‘I’ in Mental Health?",
        date=datetime.date(2020, 6, 10),
        campaign=campaigns[2020],
        authors=[sally],
        tags=["policy"],
    )
    including = BlogPostPageFactory(
        parent=blog,
        title="Including infants",
        date=datetime.date(2021, 6, 7),
        campaign=campaigns[2021],
        authors=[karen, sally],
        tags=["infant mental health", "policy"],
    )
    return {"camhs": camhs, "ihv": ihv, "nhs": nhs, "including": including}
