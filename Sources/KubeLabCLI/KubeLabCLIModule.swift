import Kubectl

public enum KubeLabCLIModule {}
