"""Charts drawn on the server: matplotlib's Agg backend (render.py) and the page server's chart route with
its bounded on-disk cache (service.py). What a chart shows comes from bot/charts.py."""
