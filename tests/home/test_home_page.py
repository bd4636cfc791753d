from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from core.models import OrganisationSettings
from home.models import HomePage, StandardPage


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.about = StandardPage(
            title="About the week", slug="about", show_in_menus=True, intro="Hello."
        )
        cls.home.add_child(instance=cls.about)
        cls.hidden = StandardPage(title="Hidden page", slug="hidden")
        cls.home.add_child(instance=cls.hidden)
        organisation = OrganisationSettings.for_site(cls.home.get_site())
        organisation.name = "Parent-Infant Foundation"
        organisation.contact_email = "info@example.org"
        organisation.x_handle = "PIPUK"
        organisation.save()

    def test_home_page_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)

    def test_only_one_home_page_can_exist(self):
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_standard_pages_go_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertPageIsRenderable(self.about)

    def test_page_starts_with_a_skip_link_to_main(self):
        response = self.client.get("/")
        self.assertContains(
            response, '<a class="skip-link" href="#main">Skip to main content</a>'
        )
        self.assertContains(response, '<main id="main"')

    def test_navigation_lists_menu_pages_only(self):
        response = self.client.get("/")
        self.assertContains(response, 'href="/about/"')
        self.assertNotContains(response, "Hidden page")

    def test_navigation_marks_the_current_section(self):
        response = self.client.get("/about/")
        self.assertContains(response, 'aria-current="page">About the week</a>')

    def test_breadcrumbs_lead_back_home(self):
        response = self.client.get("/about/")
        self.assertContains(response, 'aria-label="Breadcrumb"')
        self.assertContains(response, '<a href="/">')

    def test_footer_shows_the_organisation_settings(self):
        response = self.client.get("/")
        self.assertContains(response, "Parent-Infant Foundation")
        self.assertContains(response, 'href="mailto:info@example.org"')
        self.assertContains(response, 'href="https://x.com/PIPUK"')

    def test_unknown_path_gives_the_friendly_404(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, "Skip to main content", status_code=404)
