grep -m 1e19 -A 0 localhost /etc/hosts
sleep -1e19; echo slept
cut -c inf- /etc/hosts | head -n 1; cut -f 65536 /etc/hosts | head -n 1
