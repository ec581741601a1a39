app_name = "works"
urlpatterns = []
