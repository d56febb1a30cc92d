"""The ITA area: the catalogue per fiscal year, last year's scores, measures and their results."""
