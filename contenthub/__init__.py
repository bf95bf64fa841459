"""The omnichannel contenthub: structured product content (PDC) for gemeenten."""
