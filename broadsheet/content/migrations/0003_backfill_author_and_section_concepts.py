from django.db import migrations
from django.utils.text import slugify


def free_slug(Concept, base):
    slug, n = base, 2
    while Concept.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def forwards(apps, schema_editor):
    Concept = apps.get_model("concepts", "Concept")
    Author = apps.get_model("content", "Author")
    SectionPage = apps.get_model("content", "SectionPage")
    for author in Author.objects.filter(concept__isnull=True):
        base = f"author-{author.slug or slugify(author.name)}"[:200]
        author.concept = Concept.objects.create(
            type="author", pref_label=author.name, slug=free_slug(Concept, base)
        )
        author.save(update_fields=["concept"])
    for section in SectionPage.objects.filter(concept__isnull=True):
        base = f"section-{section.slug}"[:200]
        section.concept = Concept.objects.create(
            type="section", pref_label=section.title, slug=free_slug(Concept, base)
        )
        section.save(update_fields=["concept"])


class Migration(migrations.Migration):
    dependencies = [("content", "0002_add_annotations_tags_and_concepts_of_authors_and_sections")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
