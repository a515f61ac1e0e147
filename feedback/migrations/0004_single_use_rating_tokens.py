from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0003_questions'),
    ]

    operations = [
        migrations.CreateModel(
            name='UsedRatingToken',
            fields=[
                ('nonce', models.CharField(max_length=32, primary_key=True, serialize=False, verbose_name='mã dùng một lần')),
                ('used_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='lúc dùng')),
            ],
            options={
                'verbose_name': 'mã đánh giá đã dùng',
                'verbose_name_plural': 'mã đánh giá đã dùng',
            },
        ),
    ]
