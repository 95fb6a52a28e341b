"""Progress over a client's visits: series, server-rendered charts, the page and panel."""
