from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("browse", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SyncMark",
            fields=[
                ("name", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("value", models.BigIntegerField(default=0)),
            ],
        ),
    ]
