import KubeLab
