// Documents of a batch. Parameters: $rows [{id, title, url, source, date, lang, path, text_hash}].
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.url = row.url, d.source = row.source, d.date = row.date,
    d.lang = row.lang, d.path = row.path, d.text_hash = row.text_hash,
    d.ingested_at = datetime()
