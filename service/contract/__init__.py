"""The manifest contract shipped with the package (`manifest.schema.json`), so the service
needs nothing outside its own install at run time. Read it with `service.manifest.load_contract_schema`."""
