"""The loans area: the loan list with its actions, the request form, the loan register."""
