from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("topics/<slug:slug>/", views.concept_page, name="concept"),
    path("brand.css", views.brand_stylesheet, name="brand_css"),
]
