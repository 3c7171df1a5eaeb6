yes > /dev/null
echo {a..z..9223372036854775807}
sed -n '-1p' /etc/hosts; sed 's/a/b/0' /etc/hosts | head -n 1
