"""The extraction layer: the decoder's target schema and where its spans are printed."""
