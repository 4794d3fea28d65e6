# The six names that do not follow "capitalise the first letter":
# EFSVolumeConfiguration, FilesystemId, IAM, FSxWindowsFileServerVolumeConfiguration,
# ProxyConfigurationProperties (and FSx's regular FileSystemId for contrast).
task_definition "files" {
  family                   = "files"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  container "app" {
    image = "example/app:1.0"
    mount_point {
      source_volume  = "efs"
      container_path = "/efs"
    }
  }
  container "envoy" {
    image = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.0.0-prod"
    user  = "1337"
  }

  proxy_configuration {
    type           = "APPMESH"
    container_name = "envoy"
    properties = {
      IgnoredUID       = "1337"
      ProxyIngressPort = "15000"
      ProxyEgressPort  = "15001"
      AppPorts         = "8080"
      EgressIgnoredIPs = "169.254.170.2,169.254.169.254"
    }
  }

  volume "efs" {
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = "fsap-1234567890abcdef0"
        iam             = "ENABLED"
      }
    }
  }
  volume "fsx" {
    fsx_windows_file_server_volume_configuration {
      file_system_id = "fs-0123456789abcdef0"
      root_directory = "share"
      authorization_config {
        credentials_parameter = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fsx-AbCdEf"
        domain                = "corp.example.com"
      }
    }
  }
}
