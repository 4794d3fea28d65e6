db_password = "hunter2"
api_key     = "s3cr3t"
