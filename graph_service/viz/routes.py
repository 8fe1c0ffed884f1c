"""Map pages served by the API (placeholder router until the map layer lands)."""

from fastapi import APIRouter

router = APIRouter()
