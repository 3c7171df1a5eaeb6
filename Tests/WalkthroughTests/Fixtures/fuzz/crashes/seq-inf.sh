seq 1 inf | head -n 2; seq inf | head -n 1; seq -inf 1 | head -n 1
