"""Finding things besides works: the fandom index by media, tag, people and bookmark search.
(Works are searched by the browse app: /works/search.)"""
