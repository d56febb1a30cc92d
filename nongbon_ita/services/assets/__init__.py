"""The asset register's services: assets, categories, import/export and labels."""
