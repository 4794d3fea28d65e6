# In the CloudFormation targets family is optional (CloudFormation
# generates one); cfn_name sets the resource's logical id and
# cfn_depends_on its DependsOn: other resources of the template, or names
# declared external. None of them is an ECS member.
cloudformation {
  external = ["LogGroup"]
}

task_definition "web" {
  cfn_name       = "WebTaskDef"
  cfn_depends_on = ["LogGroup", "WorkerTaskDefinition"]
  memory         = 512
  container "web" {
    image = "example/web:1.0"
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = cfn_ref("LogGroup")
        awslogs-region        = cfn_ref("AWS::Region")
        awslogs-stream-prefix = "web"
      }
    }
  }
}

task_definition "worker" {
  family = "worker"
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
