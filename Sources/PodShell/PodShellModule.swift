import KubeAPI
import KubeSim

/// Namespace marker for the shell language; see the other files in this target.
public enum PodShellModule {}
