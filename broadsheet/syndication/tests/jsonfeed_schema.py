"""JSON Schema for JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written from the spec."""

AUTHOR = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "avatar": {"type": "string", "format": "uri"},
    },
    # "The author object has several members. These are all optional, but if you provide an
    # author object, then at least one is required."
    "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}],
}

ATTACHMENT = {
    "type": "object",
    "required": ["url", "mime_type"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "mime_type": {"type": "string"},
        "title": {"type": "string"},
        "size_in_bytes": {"type": "number"},
        "duration_in_seconds": {"type": "number"},
    },
}

ITEM = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "external_url": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "content_html": {"type": "string"},
        "content_text": {"type": "string"},
        "summary": {"type": "string"},
        "image": {"type": "string", "format": "uri"},
        "banner_image": {"type": "string", "format": "uri"},
        "date_published": {"type": "string", "format": "date-time"},
        "date_modified": {"type": "string", "format": "date-time"},
        "authors": {"type": "array", "items": AUTHOR},
        "tags": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string"},
        "attachments": {"type": "array", "items": ATTACHMENT},
    },
    # "content_html and content_text are each optional strings — but one or both must be present."
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
}

JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": {"type": "string", "format": "uri"},
        "icon": {"type": "string", "format": "uri"},
        "favicon": {"type": "string", "format": "uri"},
        "authors": {"type": "array", "items": AUTHOR},
        "language": {"type": "string"},
        "expired": {"type": "boolean"},
        "hubs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "url"],
                "properties": {"type": {"type": "string"}, "url": {"type": "string"}},
            },
        },
        "items": {"type": "array", "items": ITEM},
    },
}
