from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "follows"

urlpatterns: list[URLPattern | URLResolver] = [
    path("follows/state.json", views.follow_state, name="state"),
    path("follows/<int:concept_id>/", views.confirm, name="confirm"),
    path("follows/<int:concept_id>/follow/", views.follow, name="follow"),
    path("follows/<int:concept_id>/unfollow/", views.unfollow, name="unfollow"),
    path("myfeed/", views.my_feed, name="my_feed"),
    path("myfeed/atom/<str:token>/", views.atom_feed, name="atom"),
    path("account/follows/", views.manage, name="manage"),
    path("account/follows/atom/", views.atom_token, name="atom_token"),
    path("account/follows/<int:concept_id>/", views.update_follow, name="update"),
]
