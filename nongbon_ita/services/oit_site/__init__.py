"""Publishing the year's OIT pages: gather (gather.py), then write the folder (publish.py)."""
