from django.urls import path

from broadsheet.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("data/", views.download_data, name="download_data"),
    path("delete/", views.delete_account, name="delete_account"),
    path("staff/second-factor/", views.staff_second_factor, name="staff_second_factor"),
]
