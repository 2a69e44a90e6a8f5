"""Pictures of the review: charts and graphs drawn from its data, for HTML and the PDF."""
