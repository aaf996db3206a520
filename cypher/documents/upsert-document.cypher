// A source document: the file name facts cite, and its title, date and publisher.
// params: $fileName, $title, $date, $publisher
// returns: nothing
MERGE (d:Document {fileName: $fileName})
SET d.title = $title, d.date = $date, d.publisher = $publisher
