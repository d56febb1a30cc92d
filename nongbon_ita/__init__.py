"""nongbon-ita: integrity and transparency (ITA) work for a Thai subdistrict office."""

from nongbon_ita.resources_path import resource_path

__version__ = "0.1.0"
APP_NAME = "nongbon-ita"

__all__ = ["APP_NAME", "__version__", "resource_path"]
