"""The GraphQL API of the hub: the composition root over content and renderers.

Only this package imports graphene. Queries read live, public content only;
drafts reach an external front-end solely through ``productPreview``.
"""
