"""What national and internal consumers read: feeds and compatible APIs.

Layer 5, next to the API: it reads the stored renderings of the live
products of the requesting gemeente (``renderers`` stores them at
publication) and never renders on a public request. Only
``contenthub/urls.py`` and the settings refer to this app.
"""
