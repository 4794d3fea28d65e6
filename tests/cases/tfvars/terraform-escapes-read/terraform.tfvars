# written for Terraform: $${ and %%{ are its template escapes
script = "echo $${HOME} %%{x} $$${y}"
