"""The demo publication: its invented news, staff and ads, and the code that draws and loads them.

``newsroom`` and ``articles`` hold the text; ``pictures`` and ``video`` make the media with Pillow
and ffmpeg; ``loader`` writes it all through Wagtail. Imports content and concepts, never ads.
"""
