task_definition web-app_2 _x
true false null for in if
