seq 2147483647 | tail -n 2
seq 1e-300 0 | head -n 3
base64 -w 7 /etc/hostname; date -d @7
