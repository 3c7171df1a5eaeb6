import KubeLabCLI
import CLibEdit
print("kubelab")
