"""Sentences in the styles each tuning round taught, as (found, not a pledge) case lists for `test_styles`."""
