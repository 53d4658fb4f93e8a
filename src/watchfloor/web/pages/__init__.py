"""The console's pages, one router per area, in the order the app matches them."""

from fastapi import APIRouter

from watchfloor.web.pages import alerts, entities, home, news, report, screening, session

ROUTERS: tuple[APIRouter, ...] = (
    home.router,
    session.router,
    screening.router,
    alerts.router,
    report.router,
    entities.router,
    news.router,
)

__all__ = ["ROUTERS"]
