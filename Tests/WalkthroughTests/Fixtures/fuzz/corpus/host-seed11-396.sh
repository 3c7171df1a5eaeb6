printf '%*d|%.2147483647s|%d\n' 2 1 abc 2147483647
xargs -n 9223372036854775807 echo < /etc/hosts | head -n 2
cut -c 256- /etc/hosts | head -n 1; cut -f 1e19 /etc/hosts | head -n 1
