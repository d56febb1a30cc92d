"""The asset register: records, permissions and the rules an asset must keep."""
