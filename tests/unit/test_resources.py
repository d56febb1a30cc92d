from nongbon_ita import resource_path
from nongbon_ita.i18n.translate import catalog_path


def test_bundled_fonts_licence_and_catalogs_are_found() -> None:
    for name in ("Laksaman.ttf", "Laksaman-Bold.ttf", "Garuda.ttf", "LICENSE-tlwg.txt"):
        assert resource_path("fonts", name).is_file(), name
    assert catalog_path("th").is_file()
    assert catalog_path("en").is_file()
