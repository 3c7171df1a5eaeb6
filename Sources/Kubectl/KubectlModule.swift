import KubeAPI
import KubeSim
import PodShell

public enum KubectlModule {}
