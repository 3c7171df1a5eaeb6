yes | head -n 4294967296 | wc -l
exit -9223372036854775808
sed -n '-0p' /etc/hosts; sed 's/a/b/0.5' /etc/hosts | head -n 1
