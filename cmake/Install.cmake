# Install rules and CPack (issue 7).
