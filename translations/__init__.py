"""gettext catalogs (th, en); .mo files are compiled at first run or by the build."""
