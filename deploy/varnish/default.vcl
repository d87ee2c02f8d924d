vcl 4.1;
# Varnish in front of Broadsheet (docs/delivery.md). The origin says what may be cached
# (Cache-Control: public, s-maxage, stale-while-revalidate, stale-if-error) and names what each
# page shows in the xkey header; publishing purges those keys with PURGE + xkey-purge (the xkey
# vmod from Debian's varnish-modules) or, without the vmod, BAN + xkey-ban.
#
# The test suite and `make bench` start varnishd with -p/-a flags and this file after replacing
# BACKEND_HOST and BACKEND_PORT (tests/delivery/varnish.py).

import std;
import xkey;

backend origin {
    .host = "BACKEND_HOST";
    .port = "BACKEND_PORT";
    .connect_timeout = 1s;
    .first_byte_timeout = 10s;
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is allowed from the origin only"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Send the keys to purge in xkey-purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Banning is allowed from the origin only"));
        }
        if (!req.http.xkey-ban) {
            return (synth(400, "Send the keys to ban in xkey-ban"));
        }
        ban("obj.http.xkey ~ (^|\s)(" + regsuball(req.http.xkey-ban, "\s+", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # While the origin is healthy a page past its lifetime is refetched within seconds; when
    # the probe says it is down, the kept copy is served for as long as stale-if-error allows.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    # Personal pages and the admin never come from the cache.
    if (req.url ~ "^/(admin|account|accounts|myfeed|follows|alerts|api)(/|$)") {
        return (pass);
    }
    # Public pages are the same for every reader: the session cookie does not matter to them.
    # The origin still marks anything personal private, and Varnish will not store that.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Keep objects past their s-maxage (as grace) so that they can be served while the origin
    # is down, for as long as its stale-if-error says.
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=(\d+).*", "\1") + "s", 1d);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_backend_error {
    # The origin is down or timed out and nothing stale was kept: say when to come back.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Back soon</title></head><body><h1>We will be back in a moment</h1><p>This page could not be loaded. Please try again in half a minute.</p></body></html>"});
    return (deliver);
}

sub vcl_deliver {
    # Purge keys are for caches, not readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
