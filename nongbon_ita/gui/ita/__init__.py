"""The ITA measures area: catalogue, scores, measures with results and evidence, previews."""
